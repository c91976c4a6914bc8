package main

import "github.com/urfave/cli/v2"

// demoCommand is a placeholder until the demo command is built.
func demoCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("demo is not built yet")
		},
	}
}
