package main

import "github.com/urfave/cli/v2"

// convertCommand is a placeholder until the convert command is built.
func convertCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "convert",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("convert is not built yet")
		},
	}
}
