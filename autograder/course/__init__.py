"""The course: a kit's stages, their configuration (``assignment.toml``), and the
packages each stage's Gradescope image installs."""
