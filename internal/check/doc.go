// Package check holds the result model every family shares: check metadata,
// severities, statuses, findings and their fingerprints. It has no I/O.
package check
