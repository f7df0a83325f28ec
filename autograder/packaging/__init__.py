"""Building what leaves the instructor's machine: the framework wheel and the Gradescope zip."""
