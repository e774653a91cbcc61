"""The `dapi` console script: every management command as `dapi <command>`."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")  # `dapi check-barrier` is the command check_barrier
    execute_from_command_line(["dapi", *args])


if __name__ == "__main__":
    main()
