"""Writing an assignment once: solutions with markers become stubs, templates, notebooks."""
