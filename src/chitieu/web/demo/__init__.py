"""The demo: thị xã Quảng Trị and its wards, phường Trần Phú and its four predecessors, built from the seeds."""
