//go:build race

package validate_test

// planRace is set under the race detector, where sync.Pool drops some of
// what is put into it, so that allocation counts are not zero.
const planRace = true
