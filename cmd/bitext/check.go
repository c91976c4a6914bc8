package main

import "github.com/urfave/cli/v2"

// checkCommand is a placeholder until the check command is built.
func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("check is not built yet")
		},
	}
}
