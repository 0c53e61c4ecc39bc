package main

// runCatalog is a stub; replaced by the real subcommand.
func runCatalog(io stdio, args []string) int {
	io.stderr.Write([]byte("scopels: catalog: not implemented yet\n"))
	return 2
}
