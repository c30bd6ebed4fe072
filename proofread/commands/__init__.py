"""Commands beyond check/fix; each module registers itself on `proofread.cli.app`."""
