"""The settings dialog: the agent's profile, reply defaults, KB folder and appearance."""
