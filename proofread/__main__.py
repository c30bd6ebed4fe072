"""`python -m proofread` is the `proofread` command."""

from proofread.cli import main

main()
