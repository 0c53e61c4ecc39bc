package main

// runServe is a stub; replaced by the real subcommand.
func runServe(io stdio, args []string) int {
	io.stderr.Write([]byte("scopels: serve: not implemented yet\n"))
	return 2
}
