"""Documents a school hands out or shows an inspector: what each one holds, read in one transaction."""
