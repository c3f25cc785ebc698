"""The public side of the confidential channel: the melding form and its validation."""
