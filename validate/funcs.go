package validate

// The types of a generated package's per-type functions, such as
// graph.ValidateUser and graph.ValidateUserCollection. They are aliases,
// so a variable of one is a plain func value; declaring a whole service's
// thousands of such variables with one name each, instead of a function
// type literal each, is a tenth less for the compiler to read.
type (
	// ValidateFunc validates a payload of one type in a mode (Validate<Type>).
	ValidateFunc = func(data []byte, mode Mode) error
	// CollectionFunc validates a collection response of one type
	// (Validate<Type>Collection).
	CollectionFunc = func(data []byte) error
)
