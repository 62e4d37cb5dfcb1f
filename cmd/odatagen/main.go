// Command odatagen turns OData resource metadata (Microsoft Graph docs pages,
// the YAML spec form, CSDL $metadata XML) into Go types, JSON Schema
// validators and $filter checks.
//
// Usage:
//
//	odatagen spec [-o FILE] [-sources] INPUT...
//	odatagen generate -o DIR [-pkg NAME] [-type NAME]... [-allow-unresolved] [-compact] INPUT...
//	odatagen validate -spec INPUT [-spec INPUT]... [-type NAME] [-mode read|create|update] [-collection] [-ieee754compatible] [-datetime-without-seconds] (PAYLOAD... | -jsonl FILE)
//	odatagen filter -spec INPUT [-spec INPUT]... -type NAME EXPR
//	odatagen filter -syntax EXPR
//	odatagen query -spec INPUT [-spec INPUT]... (-path PATH | -type NAME) QUERY
//	odatagen drift [-json | -flat] [-html FILE] INPUT...
//	odatagen examples [-json | -flat] [-html FILE] [-skipped] [-spec INPUT]... INPUT...
//
// An INPUT is a docs page (.md), a YAML spec (.yaml, .yml), a CSDL document
// (.xml, .edmx, .csdl) or a directory of those; several inputs are merged
// into one spec. A page that describes no type (an overview page) is
// skipped with a warning; every input that cannot be read is reported, and
// the command then fails unless -keep-going is given. Warnings go to
// standard error: a summary, and those about the types the command works
// on; -v prints them all.
//
// Exit status, the same for every command:
//
//	0  the answer is yes: the spec was written, the payloads are valid, the
//	   filter is accepted, nothing drifts
//	1  the answer is no: an invalid payload, a rejected filter, drift found
//	2  the question could not be asked: a usage error, an input that cannot
//	   be read or loaded, an unknown type, a spec that cannot be generated
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes (see the package doc).
const (
	exitOK     = 0 // the answer is yes
	exitNo     = 1 // the answer is no: invalid payload, rejected filter, drift
	exitCannot = 2 // the question could not be asked: usage, unloadable input, unknown type
)

// usageError is returned by a subcommand for a usage problem (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError carries an explicit exit code with an already printed message.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"spec", "print the merged spec of INPUTs as YAML (-sources: where each fact came from)", runSpec},
		{"generate", "write Go types and JSON Schemas for INPUTs into a directory", runGenerate},
		{"validate", "validate JSON payloads against a type of the spec", runValidate},
		{"filter", "check a $filter expression against a type of the spec", runFilter},
		{"query", "check a query string against the query capabilities of the spec", runQuery},
		{"drift", "show where CSDL metadata and docs pages disagree", runDrift},
		{"examples", "check the example requests and responses of API pages against the spec", runExamples},
	}
}

// run dispatches args to the named subcommand and maps its error to an
// exit status: nil or flag.ErrHelp is exitOK, a usageError is printed as
// "odatagen CMD: msg" with exitCannot, an exitError carries its own code
// (its message is already printed), and any other error is printed and
// gives exitCannot. No arguments print the usage and fail; an explicit
// help request prints it and succeeds; an unknown command fails.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitCannot
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(e, args[1:])
		var ue usageError
		var ee exitError
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "odatagen %s: %s\n", c.name, ue.msg)
			return exitCannot
		case errors.As(err, &ee):
			return ee.code
		default:
			fmt.Fprintf(stderr, "odatagen %s: %v\n", c.name, err)
			return exitCannot
		}
	}
	fmt.Fprintf(stderr, "odatagen: unknown command %q\n", args[0])
	usage(stderr)
	return exitCannot
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: odatagen COMMAND [flags] ARGS...")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'odatagen COMMAND -h' for a command's flags.")
	fmt.Fprintln(w, "\nexit status: 0 yes (written, valid, accepted, no drift); 1 no (invalid payload,")
	fmt.Fprintln(w, "rejected filter, drift found); 2 could not ask (usage, unloadable input, unknown type)")
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(e *env, name, argsUsage string) *flag.FlagSet {
	fs := flag.NewFlagSet("odatagen "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: odatagen %s %s\n", name, argsUsage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return exitError{exitCannot} // the flag package already printed why
	}
	return nil
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint([]string(*m)) }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }
