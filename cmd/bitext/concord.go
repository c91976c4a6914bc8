package main

import "github.com/urfave/cli/v2"

// concordCommand is a placeholder until the concord command is built.
func concordCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "concord",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("concord is not built yet")
		},
	}
}
