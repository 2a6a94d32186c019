"""Named process exit codes, shared by every subcommand."""

OK = 0  # ran; no policy violated (or no policy given)
POLICY_VIOLATED = 1  # ran; --fail-on matched at least one change
ERROR = 2  # bad input, bad options, or an internal failure reported as one line
INTERRUPTED = 130  # Ctrl-C (SIGINT), as shells report 128 + 2
TERMINATED = 143  # SIGTERM (a cancelled CI job, timeout), as shells report 128 + 15
