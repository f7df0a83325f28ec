"""What a student uploads, made gradable: a module, a notebook, a zip or a folder, located
and unpacked in a workspace; and ``cnngrade pack``, which bundles one for upload."""
