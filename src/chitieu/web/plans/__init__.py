"""Plans (a five-year term or a single year) and their targets, written as the plan words them."""
