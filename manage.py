#!/usr/bin/env python
from dapi.cli import main

if __name__ == "__main__":
    main()
