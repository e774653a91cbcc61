"""The `dapi` console script: every management command as `dapi <command>`."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["dapi", *sys.argv[1:]])


if __name__ == "__main__":
    main()
