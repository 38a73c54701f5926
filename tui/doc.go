// Package tui is vigie's terminal interface (bubbletea v1): one root model
// holding what every screen shares (size, styles, keys, language, the
// report) and one sub-model per screen. It shows the report the engine
// produced and runs scans as commands reading the engine's event stream;
// no logic about checks or scores lives here.
package tui
