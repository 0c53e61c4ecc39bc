package main

// runCheck is a stub; replaced by the real subcommand.
func runCheck(io stdio, args []string) int {
	io.stderr.Write([]byte("scopels: check: not implemented yet\n"))
	return 2
}
