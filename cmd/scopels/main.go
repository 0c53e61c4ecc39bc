// Command scopels checks OAuth scope strings in source and config files: as
// a language server (serve), in CI (check), and as a catalog browser
// (catalog).
package main

import "os"

func main() {
	os.Exit(Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
