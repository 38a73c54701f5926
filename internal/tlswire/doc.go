// Package tlswire speaks the first flight of SSL/TLS by hand: it writes
// ClientHello records (SSLv2 to TLS 1.3) and reads the ServerHello,
// Certificate, ServerKeyExchange and alerts, without completing any
// handshake. This lets vigie enumerate every suite and protocol a server
// accepts, including those Go's crypto/tls cannot offer (SSLv2/3, EXPORT,
// NULL, anonymous, DHE, CCM/ARIA/Camellia), read DH group parameters, and
// read a certificate chain Go's handshake would refuse (512-bit RSA, MD5).
//
// The suite table and the list of common DH primes are generated from
// testssl.sh's data files, so names match what testssl.sh prints.
package tlswire
