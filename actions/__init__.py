"""Custom actions of the municipal assistant, one module per topic."""
