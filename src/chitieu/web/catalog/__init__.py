"""The indicator catalogue: what is measured, in which unit, which way is better, how it adds up."""
