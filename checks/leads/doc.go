// Package leads holds the lead-database family: metadata and pure checks
// over the evidence a collector (internal/leadscan) builds while it streams
// a lead table. The rules per row live here too (Tally.Add), so they are
// tested without files; nothing here opens a file or a connection.
//
// Evidence about people is counts, percentages, column names, record keys
// and masked samples; a raw personal value never leaves this package.
package leads
