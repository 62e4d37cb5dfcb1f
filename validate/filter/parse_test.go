package filter

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// dump renders a tree as an S-expression so that tests can state its
// shape: (op L R), (- X), Kind:literal, paths with var:/cast: markers.
func dump(e Expr) string {
	var b strings.Builder
	var walk func(Expr)
	params := func(ps []Param) {
		b.WriteByte('(')
		for i, p := range ps {
			if i > 0 {
				b.WriteByte(' ')
			}
			if p.Name != "" {
				b.WriteString(p.Name + "=")
			}
			walk(p.Value)
		}
		b.WriteByte(')')
	}
	walk = func(e Expr) {
		switch n := e.(type) {
		case *Literal:
			b.WriteString(n.Kind.String() + ":" + Print(n))
		case *Path:
			for i, s := range n.Segments {
				if i > 0 {
					b.WriteByte('/')
				}
				switch s.Kind {
				case SegProperty:
					b.WriteString(s.Name)
				case SegCast:
					b.WriteString("cast:" + s.Name)
				case SegVar:
					b.WriteString("var:" + s.Name)
				case SegAny, SegAll:
					b.WriteString(s.Kind.String() + "(")
					if s.Pred != nil {
						b.WriteString(s.Var + ": ")
						walk(s.Pred)
					}
					b.WriteByte(')')
				case SegFunction:
					b.WriteString("fn:" + s.Name)
					params(s.Params)
				case SegKey:
					b.WriteString("key")
					params(s.Params)
				case SegKeyAsSegment:
					b.WriteString("keyseg")
					params(s.Params)
				case SegFilter:
					b.WriteString("$filter(")
					walk(s.Pred)
					b.WriteByte(')')
				case SegCount:
					b.WriteString("$count")
					if len(s.Options) > 0 {
						b.WriteByte('(')
						for j, o := range s.Options {
							if j > 0 {
								b.WriteByte(';')
							}
							b.WriteString(o.Name + "=")
							if o.Filter != nil {
								walk(o.Filter)
							} else {
								b.WriteString("<" + o.Search + ">")
							}
						}
						b.WriteByte(')')
					}
				case SegAnnotation:
					b.WriteString("annot:@" + s.Name)
				case SegAlias:
					b.WriteString("alias:@" + s.Name)
				default:
					b.WriteString(s.Kind.String())
				}
			}
		case *Alias:
			b.WriteString("@" + n.Name)
		case *Unary:
			b.WriteString("(" + n.Op + " ")
			walk(n.X)
			b.WriteByte(')')
		case *Binary:
			b.WriteString("(" + n.Op + " ")
			walk(n.L)
			b.WriteByte(' ')
			walk(n.R)
			b.WriteByte(')')
		case *List:
			b.WriteByte('[')
			for i, x := range n.Items {
				if i > 0 {
					b.WriteByte(' ')
				}
				walk(x)
			}
			b.WriteByte(']')
		case *Call:
			b.WriteString("(" + n.Name)
			for _, x := range n.Args {
				b.WriteByte(' ')
				walk(x)
			}
			b.WriteByte(')')
		case *TypeName:
			b.WriteString("type:" + n.Name)
		case *Case:
			b.WriteString("(case")
			for _, br := range n.Branches {
				b.WriteByte(' ')
				walk(br.Cond)
				b.WriteString(" => ")
				walk(br.Value)
			}
			b.WriteByte(')')
		case *Array:
			b.WriteString("json[")
			for i, x := range n.Items {
				if i > 0 {
					b.WriteByte(' ')
				}
				walk(x)
			}
			b.WriteByte(']')
		case *Object:
			b.WriteString("json{")
			for i, m := range n.Members {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strconv.Quote(m.Name) + ":")
				walk(m.Value)
			}
			b.WriteByte('}')
		default:
			b.WriteString("?")
		}
	}
	walk(e)
	return b.String()
}

// roundTrip checks that printing e and parsing the result gives the same
// tree, and that printing is stable.
func roundTrip(t *testing.T, in string, e Expr) {
	t.Helper()
	printed := Print(e)
	again, err := Parse(printed, MaxLength(1<<20))
	if err != nil {
		t.Fatalf("Parse(Print(Parse(%q))) = Parse(%q): %v", in, printed, err)
	}
	if !Equal(e, again) {
		t.Fatalf("round trip of %q changed the tree:\n  first  %s\n  second %s", in, dump(e), dump(again))
	}
	if p2 := Print(again); p2 != printed {
		t.Fatalf("Print is not stable for %q: %q then %q", in, printed, p2)
	}
}

func TestParseTree(t *testing.T) {
	tests := []struct{ in, tree string }{
		// Comparison operators, case-insensitive keywords.
		{"a eq 1", "(eq a Int:1)"},
		{"a ne 1", "(ne a Int:1)"},
		{"a gt 1", "(gt a Int:1)"},
		{"a ge 1", "(ge a Int:1)"},
		{"a lt 1", "(lt a Int:1)"},
		{"a le 1", "(le a Int:1)"},
		{"a EQ 1", "(eq a Int:1)"},
		{"a Ne 1", "(ne a Int:1)"},
		{"f has ns.color'red,blue'", "(has f Enum:ns.color'red,blue')"},
		{"id in ('a','b','c')", "(in id [String:'a' String:'b' String:'c'])"},
		{"id in ('a')", "(in id [String:'a'])"},
		{"id in @list", "(in id @list)"},
		{"'x' in tags", "(in String:'x' tags)"},
		// Logical operators and precedence: not > mul > add > rel > eq > and > or.
		{"a and b or c and d", "(or (and a b) (and c d))"},
		{"a or b and c", "(or a (and b c))"},
		{"a eq 1 and b eq 2", "(and (eq a Int:1) (eq b Int:2))"},
		{"not a", "(not a)"},
		{"not a eq b", "(eq (not a) b)"},
		{"not (a eq b)", "(not (eq a b))"},
		{"not(a eq b)", "(not (eq a b))"},
		{"NOT a", "(not a)"},
		{"not not a", "(not (not a))"},
		{"a eq b eq c", "(eq (eq a b) c)"},
		{"a lt b eq c gt d", "(eq (lt a b) (gt c d))"},
		{"a add 1 gt b", "(gt (add a Int:1) b)"},
		{"a has ns.e'x' eq true", "(eq (has a Enum:ns.e'x') Boolean:true)"},
		{"a in (1, 2) eq true", "(eq (in a [Int:1 Int:2]) Boolean:true)"},
		{"a add b mul c", "(add a (mul b c))"},
		{"a mul b add c", "(add (mul a b) c)"},
		{"a sub b sub c", "(sub (sub a b) c)"},
		{"a sub (b sub c)", "(sub a (sub b c))"},
		{"a div b divby c mod d", "(mod (divby (div a b) c) d)"},
		{"(a add b) mul c", "(mul (add a b) c)"},
		{"-price add 2 mul 3 gt 10", "(gt (add (- price) (mul Int:2 Int:3)) Int:10)"},
		{"- price", "(- price)"},
		{"-(5)", "(- Int:5)"},
		{"- 5", "(- Int:5)"},
		{"--5", "(- Int:-5)"},
		{"-a mul b", "(mul (- a) b)"},
		{"-(a mul b)", "(- (mul a b))"},
		{"((((a))))", "a"},
		{"( a eq 1 )", "(eq a Int:1)"},
		{"a\teq\t1", "(eq a Int:1)"},
		{"  a eq 1  ", "(eq a Int:1)"},
		{"a  eq  1", "(eq a Int:1)"},
		// Paths.
		{"a/b/c eq 1", "(eq a/b/c Int:1)"},
		{"microsoft.graph.user/displayName eq 'O''Neil'", "(eq cast:microsoft.graph.user/displayName String:'O''Neil')"},
		{"manager/microsoft.graph.user/displayName eq 'x'", "(eq manager/cast:microsoft.graph.user/displayName String:'x')"},
		{"members/microsoft.graph.user/$count gt 1", "(gt members/cast:microsoft.graph.user/$count Int:1)"},
		{"members/$count eq 0", "(eq members/$count Int:0)"},
		{"$it/name eq 'x'", "(eq $it/name String:'x')"},
		{"$it eq 'x'", "(eq $it String:'x')"},
		{"$this/name eq 'x'", "(eq $this/name String:'x')"},
		{"$root/me/name eq 'x'", "(eq $root/me/name String:'x')"},
		{"@p eq 1", "(eq @p Int:1)"},
		{"eq/x eq 1", "(eq eq/x Int:1)"},
		{"(eq) eq 1", "(eq eq Int:1)"},
		{"not/x", "not/x"},
		{"INFINITY eq 1", "(eq INFINITY Int:1)"},
		{"nullable eq null", "(eq nullable Null:null)"},
		{"équipe eq 'x'", "(eq équipe String:'x')"},
		{"_a1 eq 1", "(eq _a1 Int:1)"},
		// Lambdas.
		{"tags/any(t: t eq 'x')", "tags/any(t: (eq var:t String:'x'))"},
		{"tags/any(t:t eq 'x')", "tags/any(t: (eq var:t String:'x'))"},
		{"tags/ANY( t : t eq 'x' )", "tags/any(t: (eq var:t String:'x'))"},
		{"tags/any()", "tags/any()"},
		{"tags/any( )", "tags/any()"},
		{"tags/all(t: t ne 'x')", "tags/all(t: (ne var:t String:'x'))"},
		{"a/any(x: x/b/any(y: y/c eq x/d))", "a/any(x: var:x/b/any(y: (eq var:y/c var:x/d)))"},
		{"a/any(x: x eq 1) and x eq 2", "(and a/any(x: (eq var:x Int:1)) (eq x Int:2))"},
		{"a/any(x: $it/b eq x)", "a/any(x: (eq $it/b var:x))"},
		{"assignedLicenses/any(x: x/skuId eq 8a256a2b-b617-496d-b51b-e76466e88db0)",
			"assignedLicenses/any(x: (eq var:x/skuId Guid:8a256a2b-b617-496d-b51b-e76466e88db0))"},
		// Functions: every canonical one, case-insensitive names.
		{"contains(a,'b')", "(contains a String:'b')"},
		{"endswith(a,'b')", "(endswith a String:'b')"},
		{"startswith(a,'b')", "(startswith a String:'b')"},
		{"startsWith(a,'b')", "(startswith a String:'b')"},
		{"STARTSWITH(a,'b')", "(startswith a String:'b')"},
		{"length(a) eq 1", "(eq (length a) Int:1)"},
		{"indexof(a,'b') eq 1", "(eq (indexof a String:'b') Int:1)"},
		{"substring(a,1) eq 'b'", "(eq (substring a Int:1) String:'b')"},
		{"substring(a,1,2) eq 'b'", "(eq (substring a Int:1 Int:2) String:'b')"},
		{"tolower(a) eq 'b'", "(eq (tolower a) String:'b')"},
		{"toupper(a) eq 'b'", "(eq (toupper a) String:'b')"},
		{"trim(a) eq 'b'", "(eq (trim a) String:'b')"},
		{"concat(a,'b') eq 'c'", "(eq (concat a String:'b') String:'c')"},
		{"matchesPattern(a,'^b')", "(matchesPattern a String:'^b')"},
		{"matchespattern(a,'^b')", "(matchesPattern a String:'^b')"},
		{"year(d) eq 2024", "(eq (year d) Int:2024)"},
		{"month(d) eq 1", "(eq (month d) Int:1)"},
		{"day(d) eq 1", "(eq (day d) Int:1)"},
		{"hour(d) eq 1", "(eq (hour d) Int:1)"},
		{"minute(d) eq 1", "(eq (minute d) Int:1)"},
		{"second(d) eq 1", "(eq (second d) Int:1)"},
		{"fractionalseconds(d) lt 0.5", "(lt (fractionalseconds d) Decimal:0.5)"},
		{"totalseconds(t) gt 60", "(gt (totalseconds t) Int:60)"},
		{"date(d) eq 2024-01-01", "(eq (date d) Date:2024-01-01)"},
		{"time(d) le 12:00", "(le (time d) TimeOfDay:12:00)"},
		{"totaloffsetminutes(d) eq 60", "(eq (totaloffsetminutes d) Int:60)"},
		{"d lt now()", "(lt d (now))"},
		{"d gt mindatetime() and d lt maxdatetime( )", "(and (gt d (mindatetime)) (lt d (maxdatetime)))"},
		{"round(p) eq 1", "(eq (round p) Int:1)"},
		{"floor(p) eq 1", "(eq (floor p) Int:1)"},
		{"ceiling(p) eq 1", "(eq (ceiling p) Int:1)"},
		{"cast(p, Edm.String) eq '1'", "(eq (cast p type:Edm.String) String:'1')"},
		{"cast(Edm.String) eq '1'", "(eq (cast type:Edm.String) String:'1')"},
		{"cast(p,Collection(Edm.String))", "(cast p type:Collection(Edm.String))"},
		{"isof(ns.t)", "(isof type:ns.t)"},
		{"isof(p, ns.t)", "(isof p type:ns.t)"},
		{"isof(t)", "(isof type:t)"},
		{"geo.distance(loc, geography'SRID=4326;Point(1 2)') lt 10", "(lt (geo.distance loc Geography:geography'SRID=4326;Point(1 2)') Int:10)"},
		{"geo.intersects(loc, geometry'srid=0;Polygon((0 0,1 1,0 0))')", "(geo.intersects loc Geometry:geometry'SRID=0;Polygon((0 0,1 1,0 0))')"},
		{"geo.length(route) gt 1", "(gt (geo.length route) Int:1)"},
		{"hassubset(tags, @s)", "(hassubset tags @s)"},
		{"hassubsequence(tags, @s)", "(hassubsequence tags @s)"},
		{"case(a eq 1: 'one', true: 'many') eq 'one'", "(eq (case (eq a Int:1) => String:'one' Boolean:true => String:'many') String:'one')"},
		{"contains(tolower(concat(a, b)), 'x')", "(contains (tolower (concat a b)) String:'x')"},
		// Literals.
		{"a eq null", "(eq a Null:null)"},
		{"a eq true or a eq FALSE", "(or (eq a Boolean:true) (eq a Boolean:false))"},
		{"a eq True", "(eq a Boolean:true)"},
		{"a eq 0", "(eq a Int:0)"},
		{"a eq -12", "(eq a Int:-12)"},
		{"a eq +12", "(eq a Int:12)"},
		{"a eq 9223372036854775807", "(eq a Int:9223372036854775807)"},
		{"a eq 9223372036854775808", "(eq a Decimal:9223372036854775808)"},
		{"a eq 1.50", "(eq a Decimal:1.50)"},
		{"a eq -0.5", "(eq a Decimal:-0.5)"},
		{"a eq 3.5e2", "(eq a Double:3.5e2)"},
		{"a eq 3.5E+2", "(eq a Double:3.5e2)"},
		{"a eq 1e-7", "(eq a Double:1e-7)"},
		{"a eq INF", "(eq a Double:INF)"},
		{"a eq -INF", "(eq a Double:-INF)"},
		{"a eq NaN", "(eq a Double:NaN)"},
		{"a eq 'it''s'", "(eq a String:'it''s')"},
		{"a eq ''", "(eq a String:'')"},
		{"a eq ''''", "(eq a String:'''')"},
		{"a eq 'a b\tc/d(e)f,g'", "(eq a String:'a b\tc/d(e)f,g')"},
		{"a eq 'ünïcödé'", "(eq a String:'ünïcödé')"},
		{"a eq 2024-02-29", "(eq a Date:2024-02-29)"},
		{"a eq 0001-01-01", "(eq a Date:0001-01-01)"},
		{"a eq -0044-03-15", "(eq a Date:-0044-03-15)"},
		{"a eq 12024-01-01", "(eq a Date:12024-01-01)"},
		{"a eq 2024-01-01T00:00:00Z", "(eq a DateTimeOffset:2024-01-01T00:00:00Z)"},
		{"a eq 2024-01-01t00:00z", "(eq a DateTimeOffset:2024-01-01T00:00Z)"},
		{"a eq 2024-01-01T23:59:59.1234567+05:30", "(eq a DateTimeOffset:2024-01-01T23:59:59.1234567+05:30)"},
		{"a eq 2024-01-01T10:00:00-08:00", "(eq a DateTimeOffset:2024-01-01T10:00:00-08:00)"},
		{"a eq 2016-12-31T23:59:60Z", "(eq a DateTimeOffset:2016-12-31T23:59:60Z)"},
		{"a eq 13:45", "(eq a TimeOfDay:13:45)"},
		{"a eq 13:45:30", "(eq a TimeOfDay:13:45:30)"},
		{"a eq 13:45:30.000000000001", "(eq a TimeOfDay:13:45:30.000000000001)"},
		{"a eq duration'P1DT2H'", "(eq a Duration:duration'P1DT2H')"},
		{"a eq Duration'p1dt2h30m1.5s'", "(eq a Duration:duration'P1DT2H30M1.5S')"},
		{"a eq duration'-PT5M'", "(eq a Duration:duration'-PT5M')"},
		{"a eq duration'+P3D'", "(eq a Duration:duration'P3D')"},
		{"a eq 'P1D'", "(eq a String:'P1D')"},
		{"a eq 01234567-89ab-cdef-0123-456789ABCDEF", "(eq a Guid:01234567-89ab-cdef-0123-456789abcdef)"},
		{"a eq deadbeef-dead-beef-dead-beefdeadbeef", "(eq a Guid:deadbeef-dead-beef-dead-beefdeadbeef)"},
		{"a eq microsoft.graph.status'active'", "(eq a Enum:microsoft.graph.status'active')"},
		{"a has ns.flags'1'", "(has a Enum:ns.flags'1')"},
		{"a eq binary'AQID'", "(eq a Binary:binary'AQID')"},
		{"a eq BINARY'AQI='", "(eq a Binary:binary'AQI=')"},
		{"a eq binary'AQ'", "(eq a Binary:binary'AQ')"},
		{"a eq binary''", "(eq a Binary:binary'')"},
		{"a eq binary'-_-_'", "(eq a Binary:binary'-_-_')"},
	}
	for _, tt := range tests {
		e, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := dump(e); got != tt.tree {
			t.Errorf("Parse(%q)\n got  %s\n want %s", tt.in, got, tt.tree)
		}
		roundTrip(t, tt.in, e)
	}
}

// TestParseAcceptance is the brief's syntax acceptance list: each input
// parses and prints canonically.
func TestParseAcceptance(t *testing.T) {
	tests := []struct{ in, canonical string }{
		{"startswith(displayName,'a') and (size gt 3.5e2 or tags/any(t: t eq 'x'))",
			"startswith(displayName, 'a') and (size gt 3.5e2 or tags/any(t: t eq 'x'))"},
		{"members/$count eq 0", "members/$count eq 0"},
		{"microsoft.graph.user/displayName eq 'O''Neil'", "microsoft.graph.user/displayName eq 'O''Neil'"},
		{"createdDateTime ge 2024-01-01T00:00:00Z and status eq microsoft.graph.status'active'",
			"createdDateTime ge 2024-01-01T00:00:00Z and status eq microsoft.graph.status'active'"},
		{"id in ('a','b','c')", "id in ('a', 'b', 'c')"},
		{"-price add 2 mul 3 gt 10", "-price add 2 mul 3 gt 10"},
		{"NOT(A  EQ 1)AND B", ""}, // rejected below; here only to show case folding does not relax whitespace
	}
	for _, tt := range tests[:len(tests)-1] {
		e, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := Print(e); got != tt.canonical {
			t.Errorf("Print(Parse(%q)) = %q, want %q", tt.in, got, tt.canonical)
		}
		roundTrip(t, tt.in, e)
	}
}

func TestPrintCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A EQ 1 AND NOT B", "A eq 1 and not B"},
		{"(a eq 1) or ((b eq 2) and c)", "a eq 1 or b eq 2 and c"},
		{"(a or b) and c", "(a or b) and c"},
		{"a or (b or c)", "a or (b or c)"},
		{"(a or b) or c", "a or b or c"},
		{"a sub (b add c)", "a sub (b add c)"},
		{"a mul (b div c)", "a mul (b div c)"},
		{"(a mul b) div c", "a mul b div c"},
		{"- (a)", "-a"},
		{"- 5", "-(5)"},
		{"- -5", "-(-5)"},
		{"- - 5", "--(5)"},
		{"-(-INF)", "-(-INF)"},
		{"- INF", "-(INF)"},
		{"-(2024-01-01)", "-(2024-01-01)"},
		{"not(not(a))", "not not a"},
		{"not (a) eq b", "not a eq b"},
		{"(eq)", "(eq)"},
		{"(NOT)", "(NOT)"},
		{"x in (eq)", "x in (eq)"}, // (eq) is a parenthesized operand, not a list
		{"tags/any(t:t eq 'x')", "tags/any(t: t eq 'x')"},
		{"startsWith( a ,'b' )", "startswith(a, 'b')"},
		{"cast( a , Edm.String )", "cast(a, Edm.String)"},
		{"isof( ns.t )", "isof(ns.t)"},
		{"case( a : 1 , true : 2 )", "case(a: 1, true: 2)"},
		{"x eq 2024-01-01t10:00:00z", "x eq 2024-01-01T10:00:00Z"},
		{"x eq 1E5", "x eq 1e5"},
		{"x eq DEADBEEF-DEAD-BEEF-DEAD-BEEFDEADBEEF", "x eq deadbeef-dead-beef-dead-beefdeadbeef"},
		{"x eq TRUE", "x eq true"},
		{"x eq duration'pt1m'", "x eq duration'PT1M'"},
		{"x eq Geography'srid=1;Point(1 2)'", "x eq geography'SRID=1;Point(1 2)'"},
		{"(x in (1,2)) mul 3", "(x in (1, 2)) mul 3"},
		{"a/any(x: (x eq 1))", "a/any(x: x eq 1)"},
	}
	for _, tt := range tests {
		e, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := Print(e); got != tt.want {
			t.Errorf("Print(Parse(%q)) = %q, want %q", tt.in, got, tt.want)
		}
		roundTrip(t, tt.in, e)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		// The brief's rejections.
		{"name eq 'unterminated", 8, "unterminated string literal"},
		{"a eq eq b", 5, "expected an operand, found operator eq"},
		{"contains(name)", 0, "contains takes 2 arguments, found 1"},
		{"a eq 1)", 6, "unexpected ) without a matching ("},
		{"enableConnection eq", 19, "expected an operand, found end of input"},
		{"(enableConnection eq true", 0, "unclosed parenthesis: no ) before end of input"},
		{"enableConnection eq true or", 27, "expected an operand, found end of input"},
		// Structure.
		{"", 0, "empty expression"},
		{"   ", 3, "empty expression"},
		{"a eq", 4, "expected an operand, found end of input"},
		{"a eq ", 5, "expected an operand, found end of input"},
		{"not", 3, "expected an operand, found end of input"},
		{"not ", 4, "expected an operand, found end of input"},
		{"-", 1, "expected an operand, found end of input"},
		{"()", 1, "expected an operand, found )"},
		{"a eq 1 b", 7, "expected an operator or end of input, found b"},
		{"a eq 1 foo 2", 7, "expected an operator or end of input, found foo"},
		{"a equals 1", 2, "expected an operator or end of input, found equals"},
		{"a eq(1)", 4, "expected whitespace after eq"},
		{"(a eq 1)and(b eq 2)", 8, "missing whitespace before and"},
		{"'a'eq b", 3, "missing whitespace before eq"},
		{"aeqb", 4, ""}, // parses as one name: not an error
		{"a and and b", 6, "expected an operand, found operator and"},
		{"a eq 1 and", 10, "expected an operand, found end of input"},
		{"((a eq 1)", 0, "unclosed parenthesis"},
		{"(a eq 1", 0, "unclosed parenthesis"},
		{"(a eq 1 b", 8, "expected ) or an operator, found b"},
		{"a eq 1))", 6, "unexpected ) without a matching ("},
		{"a in (1, 2", 5, "unclosed parenthesis"},
		{"a in (1 2)", 8, "expected , or ), found 2"},
		{"a eq 1,", 6, "expected an operator or end of input, found ,"},
		{"a # b", 2, "expected an operator or end of input, found #"},
		{"a eq \x01", 5, `expected an operand, found '\x01'`},
		{"a\neq 1", 1, `expected an operator or end of input, found '\n'`},
		// Functions.
		{"contains(a, 'b', 'c')", 0, "contains takes 2 arguments, found 3"},
		{"length()", 0, "length takes 1 argument, found 0"},
		{"now(1)", 0, "now takes no arguments, found 1"},
		{"substring(a)", 0, "substring takes 2 or 3 arguments, found 1"},
		{"ns.fn(1) eq 1", 0, "unknown function ns.fn"},
		{"startswith(a, 'b'", 10, "unclosed parenthesis"},
		{"startswith(a 'b')", 13, "expected , or ), found '"},
		{"cast(a Edm.String)", 7, "expected , and a type name, found Edm.String"},
		{"cast(a, 1)", 8, "expected a type name, found 1"},
		{"cast(a, Edm.String", 4, "unclosed parenthesis"},
		{"case(a eq 1)", 11, "expected : after a case condition, found )"},
		{"case(a eq 1: 2", 4, "unclosed parenthesis"},
		// Paths.
		{"a/ eq 1", 3, "expected a path segment after / (a property, type cast, function, key, annotation, $count, $filter, any or all), found eq"},
		{"a/", 2, "found end of input"},
		{"a/$count/b eq 1", 8, "no path segment may follow $count"},
		{"a/$value eq 1", 2, "unexpected $value in path"},
		{"$count eq 1", 0, "$count must follow a collection-valued path"},
		{"$foo eq 1", 0, "unknown $foo"},
		{"$IT eq 1", 0, "unknown $IT"},
		{"ns.type eq 1", 0, "type cast ns.type must be followed by /property"},
		{"a/any(x: x eq 1)/b eq 1", 16, "no path segment may follow any"},
		{"a/all()", 6, "all needs a lambda variable and predicate"},
		{"a/any(x x eq 1)", 8, "expected : after the lambda variable x, found x"},
		{"a/any(1: x)", 6, "expected a lambda variable, found 1"},
		{"a/any(x: x eq 1", 5, "unclosed parenthesis"},
		{"@ eq 1", 1, "expected a parameter alias name after @"},
		{strings.Repeat("a", 129) + " eq 1", 0, "identifier longer than 128 characters"},
		// Literals.
		{"a eq 'it''s", 5, "unterminated string literal"},
		{"a eq 1.", 5, "invalid number 1.: a decimal point must be followed by digits"},
		{"a eq 1e", 5, "invalid number 1e: an exponent needs digits"},
		{"a eq 12abc", 5, "invalid number 12abc"},
		{"a eq 1.2.3", 5, "invalid number 1.2.3"},
		{"a eq +INF", 5, "expected an operand, found +"},
		{"a eq 2024-13-01", 5, "invalid date 2024-13-01: month out of range"},
		{"a eq 2023-02-29", 5, "invalid date 2023-02-29: day out of range"},
		{"a eq 2024-04-31", 5, "day out of range"},
		{"a eq 2024-1-01", 5, "invalid date"},
		{"a eq 024-01-01", 8, "expected an operator or end of input, found -"},
		{"a eq 02024-01-01", 5, "a year starting with 0 has exactly 4 digits"},
		{"a eq +2024-01-01", 5, "a year has no + sign"},
		{"a eq 2024-01-01T25:00:00Z", 5, "want a time"},
		{"a eq 2024-01-01T10:00:00", 5, "want Z or a time-zone offset"},
		{"a eq 2024-01-01T10:00:00 01:00", 5, "want Z or a time-zone offset"},
		{"a eq 2024-01-01T10:00:00+1:00", 5, "invalid time-zone offset"},
		{"a eq 2024-01-01T10:00:00Zx", 5, "unexpected characters after it"},
		{"a eq 2024-01-01x", 5, "unexpected characters after it"},
		{"a eq 24:00", 5, "invalid time of day 24:00"},
		{"a eq 12:60", 5, "invalid time of day"},
		{"a eq 12:30:00.", 5, "invalid time of day"},
		{"a eq 12:30:00.1234567890123", 5, "invalid time of day"},
		{"a eq duration'P'", 5, "invalid duration literal duration'P'"},
		{"a eq duration'PT'", 5, "invalid duration literal"},
		{"a eq duration'P1Y'", 5, "invalid duration literal"},
		{"a eq duration'1D'", 5, "invalid duration literal"},
		{"a eq duration'P1DT'", 5, "invalid duration literal"},
		{"a eq binary'A'", 5, "invalid binary literal"},
		{"a eq binary'AQ=='X", 18, ""}, // valid literal then junk: see next
		{"a eq binary'AR'", 5, "invalid binary literal"},
		{"a eq binary'AQ='", 5, "invalid binary literal"},
		{"a eq binary'A+/='", 5, "invalid binary literal"},
		{"a eq geography'Point(1 2)'", 5, "invalid geography literal"},
		{"a eq geometry'SRID=;Point(1 2)'", 5, "invalid geometry literal"},
		{"a eq ns.e''", 5, "invalid enumeration literal"},
		{"a eq ns.e'a,'", 5, "invalid enumeration literal"},
		{"a eq ns.e'a b'", 5, "invalid enumeration literal"},
		{"a eq foo'x'", 5, "unknown literal prefix foo"},
		{"a eq ns.e'x", 9, "unterminated string literal"},
		{"a eq 01234567-89ab-cdef-0123-456789abcdeg", 5, "invalid date 01234567-89ab"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if tt.msg == "" {
			continue // documented non-errors in the table above
		}
		var fe *Error
		if !errors.As(err, &fe) {
			t.Errorf("Parse(%q) = %v, want *Error at %d", tt.in, err, tt.offset)
			continue
		}
		if fe.Offset != tt.offset || !strings.Contains(fe.Msg, tt.msg) {
			t.Errorf("Parse(%q):\n got  offset %d %q\n want offset %d %q", tt.in, fe.Offset, fe.Msg, tt.offset, tt.msg)
		}
		if fe.Expr != tt.in {
			t.Errorf("Parse(%q): Error.Expr = %q", tt.in, fe.Expr)
		}
	}
	// Two non-errors of the table, asserted properly.
	if e, err := Parse("aeqb"); err != nil || dump(e) != "aeqb" {
		t.Errorf("Parse(aeqb) = %v, %v; want the property aeqb", e, err)
	}
	var fe *Error
	if _, err := Parse("a eq binary'AQ=='X"); !errors.As(err, &fe) || fe.Offset != 17 {
		t.Errorf("Parse(binary then junk) = %v, want an error at 17", err)
	}
}

func TestPositions(t *testing.T) {
	in := "not (tags/any(t: startswith(t, 'x')) or size add -2 gt 3.5)"
	e, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	Inspect(e, func(n Expr) bool {
		s := in[n.Offset():]
		if len(s) > 6 {
			s = s[:6]
		}
		got = append(got, s)
		return true
	})
	want := []string{
		"not (t", // Unary not
		"or siz", // Binary or: the operator
		"tags/a", // Path
		"starts", // Call
		"t, 'x'", // Path t
		"'x')) ", // Literal
		"gt 3.5", // Binary gt
		"add -2", // Binary add
		"size a", // Path size
		"-2 gt ", // Literal -2
		"3.5)",   // Literal 3.5
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("offsets:\n got  %q\n want %q", got, want)
	}
	or := e.(*Unary).X.(*Binary)
	if Start(or) != 5 {
		t.Errorf("Start(or) = %d, want 5", Start(or))
	}
	seg := or.L.(*Path).Segments[1]
	if seg.Offset() != 10 || seg.Kind != SegAny {
		t.Errorf("any segment at %d (%v), want 10", seg.Offset(), seg.Kind)
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat("(", 100000)
	var fe *Error
	// The default length limit refuses it before parsing.
	_, err := Parse(deep)
	if !errors.As(err, &fe) || fe.Offset != DefaultMaxLength || !strings.Contains(fe.Msg, "the limit is 8192") {
		t.Errorf("Parse(100000 x '(') = %d %q, want the length limit", fe.Offset, fe.Msg)
	}
	// With the length limit lifted, the depth limit stops it.
	_, err = Parse(deep, MaxLength(1<<20))
	if !errors.As(err, &fe) || fe.Offset != DefaultMaxDepth || !strings.Contains(fe.Msg, "nested more than 100 levels") {
		t.Errorf("Parse(100000 x '(', MaxLength 1MiB) = %d %q, want the depth limit at offset 100", fe.Offset, fe.Msg)
	}
	// Other kinds of nesting count too.
	for _, in := range []string{
		strings.Repeat("not ", 200) + "a",
		strings.Repeat("-", 200) + "a",
		strings.Repeat("length(", 200) + "a" + strings.Repeat(")", 200),
		strings.Repeat("a/any(x: ", 200) + "true" + strings.Repeat(")", 200),
	} {
		if _, err := Parse(in); !errors.As(err, &fe) || !strings.Contains(fe.Msg, "nested more than 100 levels") {
			t.Errorf("Parse(%.20q...) = %v, want the depth limit", in, err)
		}
	}
	// The limits are configurable.
	nested := strings.Repeat("(", 150) + "a" + strings.Repeat(")", 150)
	if _, err := Parse(nested, MaxDepth(200)); err != nil {
		t.Errorf("MaxDepth(200): %v", err)
	}
	if _, err := Parse(nested, MaxDepth(150)); err != nil {
		t.Errorf("MaxDepth(150): %v", err)
	}
	if _, err := Parse(nested, MaxDepth(149)); err == nil {
		t.Errorf("MaxDepth(149) accepted 150 levels")
	}
	if _, err := Parse("a eq 'abcdef'", MaxLength(12)); err == nil {
		t.Errorf("MaxLength(12) accepted 13 bytes")
	}
	if _, err := Parse("a eq 'abcde'", MaxLength(12)); err != nil {
		t.Errorf("MaxLength(12) refused 12 bytes: %v", err)
	}
	// Long flat chains are fine within the length limit.
	chain := "a eq 1" + strings.Repeat(" or a eq 1", 800)
	if _, err := Parse(chain); err != nil {
		t.Errorf("800-clause chain: %v", err)
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{Expr: "enableConnection ne true", Offset: 17, Msg: "operator ne is not supported on enableConnection (supported: eq)"},
			"enableConnection ne true\n                 ^ operator ne is not supported on enableConnection (supported: eq)"},
		{Error{Expr: "a eq", Offset: 4, Msg: "m"}, "a eq\n    ^ m"},
		{Error{Expr: "é eq 'ü' x", Offset: 11, Msg: "m"}, "é eq 'ü' x\n         ^ m"},
		{Error{Expr: "a\teq\tb c", Offset: 7, Msg: "m"}, "a\teq\tb c\n \t  \t  ^ m"},
		{Error{Offset: 3, Msg: "m"}, "offset 3: m"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
		}
	}
	_, err := Parse("name eq 'x' and é eq")
	want := "name eq 'x' and é eq\n                    ^ expected an operand, found end of input"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error =\n%v\nwant\n%s", err, want)
	}
}

func TestFromQuery(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"$filter=a%20eq%201", "a eq 1", ""},
		{"%24filter=a+eq+1&$top=5", "a eq 1", ""},
		{"$top=5&$filter=name%20eq%20%27O%27%27Neil%27", "name eq 'O''Neil'", ""},
		{"https://graph.microsoft.com/v1.0/users?$select=id&$filter=startswith(displayName,'a')#frag", "startswith(displayName,'a')", ""},
		{"?$FILTER=x%2Beq", "x+eq", ""},
		{"filter=a eq 1", "a eq 1", ""},
		{"$filter=", "", ""},
		{"$filter=name eq 'a?b'", "name eq 'a?b'", ""},
		{"/v1.0/users?$filter=name%20eq%20'a?b'&$top=1", "name eq 'a?b'", ""},
		{"$filter=d%20ge%202024-01-01T00:00:00%2B01:00", "d ge 2024-01-01T00:00:00+01:00", ""},
		{"$top=1", "", "no $filter"},
		{"", "", "no $filter"},
		{"$filter=a&$filter=b", "", "more than one $filter"},
		{"$filter=%zz", "", "invalid URL escape"},
	}
	for _, tt := range tests {
		got, err := FromQuery(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("FromQuery(%q) = %q, %v; want error %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("FromQuery(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := FromQuery("$top=1"); !errors.Is(err, ErrNoFilter) {
		t.Errorf("FromQuery without $filter: %v, want ErrNoFilter", err)
	}
}

func TestEqual(t *testing.T) {
	pairs := []struct {
		a, b string
		eq   bool
	}{
		{"a eq 1", "a  EQ  1", true},
		{"a eq 1", "a eq 2", false},
		{"a eq 1", "a ne 1", false},
		{"a eq 1", "a eq 1.0", false},
		{"a eq '1'", "a eq 1", false},
		{"a/b eq 1", "a/c eq 1", false},
		{"a/any(x: x eq 1)", "a/any(y: y eq 1)", false},
		{"a/any(x: x eq 1)", "a/all(x: x eq 1)", false},
		{"a/any()", "a/any()", true},
		{"f(a)", "f(a)", true},
		{"length(a) eq 1", "length(b) eq 1", false},
		{"substring(a, 1) eq 'x'", "substring(a, 1, 2) eq 'x'", false},
		{"startswith(a, 'x')", "StartsWith(a,'x')", true},
		{"x in (1, 2)", "x in (1, 2, 3)", false},
		{"ns.e'a' eq x", "ns.f'a' eq x", false},
		{"case(a: 1)", "case(a: 2)", false},
		{"@a eq 1", "@b eq 1", false},
		{"-a eq 1", "not a eq 1", false},
	}
	for _, p := range pairs {
		a, errA := Parse(p.a)
		b, errB := Parse(p.b)
		if errA != nil || errB != nil {
			if p.a != "f(a)" {
				t.Errorf("parse %q / %q: %v / %v", p.a, p.b, errA, errB)
			}
			continue
		}
		if Equal(a, b) != p.eq {
			t.Errorf("Equal(%q, %q) = %v, want %v", p.a, p.b, !p.eq, p.eq)
		}
	}
	if !Equal(nil, nil) || Equal(nil, &Alias{Name: "a"}) {
		t.Error("Equal with nil")
	}
}

func TestInspect(t *testing.T) {
	e, err := Parse("not (a/any(x: x in (1, 2)) and case(b: length(c), true: 0) eq 1)")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	Inspect(e, func(n Expr) bool {
		all = append(all, strings.TrimPrefix(fmt.Sprintf("%T", n), "*filter."))
		return true
	})
	want := "Unary Binary Path Binary Path List Literal Literal Binary Case Path Call Path Literal Literal Literal"
	if got := strings.Join(all, " "); got != want {
		t.Errorf("Inspect visits\n got  %s\n want %s", got, want)
	}
	// Returning false skips a node's children.
	n := 0
	Inspect(e, func(x Expr) bool {
		n++
		_, isPath := x.(*Path)
		_, isCase := x.(*Case)
		return !isPath && !isCase
	})
	if n != 6 { // Unary, and, a/any(...), eq, case, 1
		t.Errorf("Inspect with pruning visited %d nodes, want 6", n)
	}
}
