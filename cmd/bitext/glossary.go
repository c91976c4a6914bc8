package main

import "github.com/urfave/cli/v2"

// glossaryCommand is a placeholder until the glossary command is built.
func glossaryCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "glossary",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("glossary is not built yet")
		},
	}
}
