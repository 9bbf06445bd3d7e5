"""Administrative units (tỉnh, thị xã, phường, xã ...) and their lineage (mergers, splits, renames)."""
