package main

import "github.com/urfave/cli/v2"

// evalCommand is a placeholder until the eval command is built.
func evalCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("eval is not built yet")
		},
	}
}
