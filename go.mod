module github.com/vigie-security/vigie

go 1.26.8

require golang.org/x/net v0.62.0

require golang.org/x/time v0.14.0 // indirect
