"""cnnlab: the small CNN library you build, one module per stage."""
