package main

import "github.com/urfave/cli/v2"

// alignCommand is a placeholder until the align command is built.
func alignCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "align",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("align is not built yet")
		},
	}
}
