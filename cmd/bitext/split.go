package main

import "github.com/urfave/cli/v2"

// splitCommand is a placeholder until the split command is built.
func splitCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "split",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("split is not built yet")
		},
	}
}
