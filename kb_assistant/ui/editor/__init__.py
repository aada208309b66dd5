"""The editor's workbench: editing, previewing and saving articles safely."""
