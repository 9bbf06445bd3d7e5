"""CLI subcommands that belong to no document package (evaluate)."""
