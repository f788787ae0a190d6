package sandbox

import (
	"context"
	"crypto/md5"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The sandbox's object store: the one bucket (NestBucket) that GetUploadCredentials opens,
// spoken as OSS speaks it (PutObject, GetObject, HeadObject; path-style or virtual-hosted),
// so that mkt uploads through the OSS SDK exactly as it does to Alibaba Cloud. A request must
// carry a key GetUploadCredentials gave (in its Authorization, V4 or V1 form), that key's
// security token, and may only touch the object the key was given for, before it expires.

// MaxObjectBytes bounds one object in the sandbox's store.
const MaxObjectBytes = 256 << 20

var ossCredential = regexp.MustCompile(`^OSS4-HMAC-SHA256 Credential=([^/,\s]+)/|^OSS ([^:\s]+):`)

// objectPath reports whether r is addressed to the sandbox's bucket, and the object key.
func objectPath(r *http.Request) (string, bool) {
	if strings.HasPrefix(r.Host, NestBucket+".") {
		return strings.TrimPrefix(r.URL.Path, "/"), true
	}
	if key, ok := strings.CutPrefix(r.URL.Path, "/"+NestBucket+"/"); ok {
		return key, true
	}
	return "", false
}

type ossError struct {
	XMLName   xml.Name `xml:"Error"`
	Code      string   `xml:"Code"`
	Message   string   `xml:"Message"`
	RequestID string   `xml:"RequestId"`
}

func writeOSSError(w http.ResponseWriter, status int, reqID, code, msg string) {
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Set("x-oss-request-id", reqID)
	w.WriteHeader(status)
	b, _ := xml.Marshal(ossError{Code: code, Message: msg, RequestID: reqID})
	w.Write(append([]byte(xml.Header), b...))
}

func (s *Server) serveObject(w http.ResponseWriter, r *http.Request, key string) {
	reqID := strings.ToUpper(strings.ReplaceAll(uuid.NewString(), "-", ""))[:24]
	m := ossCredential.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		writeOSSError(w, 403, reqID, "AccessDenied", "The request is not signed with a key GetUploadCredentials gave.")
		return
	}
	id := m[1] + m[2]
	var secret, token, scope string
	var expires int64
	err := s.store.db.QueryRowContext(r.Context(), `SELECT secret, token, key, expires_at FROM nest_uploads WHERE access_key_id = ?`, id).Scan(&secret, &token, &scope, &expires)
	off, _ := s.store.ClockOffset(s.store.db)
	now := time.Now().Add(off)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		writeOSSError(w, 403, reqID, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.")
		return
	case err != nil:
		writeOSSError(w, 500, reqID, "InternalError", err.Error())
		return
	case r.Header.Get("x-oss-security-token") != token:
		writeOSSError(w, 403, reqID, "InvalidSecurityToken", "The security token you provided is invalid.")
		return
	case now.UnixMilli() > expires:
		writeOSSError(w, 403, reqID, "SecurityTokenExpired", "The security token you provided has expired.")
		return
	case key != scope && r.Method == http.MethodPut:
		writeOSSError(w, 403, reqID, "AccessDenied", "The key was given for "+scope+", not "+key+".")
		return
	}
	_ = secret // the signature itself is not recomputed: the key, token, scope and expiry are.
	switch r.Method {
	case http.MethodPut:
		s.putObject(w, r, reqID, key, now)
	case http.MethodGet, http.MethodHead:
		var body []byte
		var sum string
		err := s.store.db.QueryRowContext(r.Context(), `SELECT body, md5 FROM nest_objects WHERE bucket = ? AND key = ?`, NestBucket, key).Scan(&body, &sum)
		if errors.Is(err, sql.ErrNoRows) {
			writeOSSError(w, 404, reqID, "NoSuchKey", "The specified key does not exist.")
			return
		} else if err != nil {
			writeOSSError(w, 500, reqID, "InternalError", err.Error())
			return
		}
		w.Header().Set("ETag", `"`+strings.ToUpper(sum)+`"`)
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Header().Set("x-oss-request-id", reqID)
		w.WriteHeader(200)
		if r.Method == http.MethodGet {
			w.Write(body)
		}
	default:
		writeOSSError(w, 405, reqID, "MethodNotAllowed", "The sandbox's store takes PUT, GET and HEAD.")
	}
}

func (s *Server) putObject(w http.ResponseWriter, r *http.Request, reqID, key string, now time.Time) {
	if r.Body == nil {
		r.Body = http.NoBody
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxObjectBytes+1))
	if err != nil {
		writeOSSError(w, 400, reqID, "IncompleteBody", err.Error())
		return
	}
	if len(body) > MaxObjectBytes {
		writeOSSError(w, 400, reqID, "EntityTooLarge", fmt.Sprintf("The sandbox keeps objects of at most %d MiB.", MaxObjectBytes>>20))
		return
	}
	sum := md5.Sum(body)
	if want := r.Header.Get("Content-MD5"); want != "" && want != base64.StdEncoding.EncodeToString(sum[:]) {
		writeOSSError(w, 400, reqID, "InvalidDigest", "The Content-MD5 you specified did not match what was received.")
		return
	}
	err = s.store.tx(context.WithoutCancel(r.Context()), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT OR REPLACE INTO nest_objects (bucket, key, body, md5, at) VALUES (?, ?, ?, ?, ?)`, NestBucket, key, body, hex.EncodeToString(sum[:]), now.UnixMilli())
		return err
	})
	if err != nil {
		writeOSSError(w, 500, reqID, "InternalError", err.Error())
		return
	}
	w.Header().Set("ETag", `"`+strings.ToUpper(hex.EncodeToString(sum[:]))+`"`)
	w.Header().Set("x-oss-request-id", reqID)
	w.Header().Set("Content-MD5", base64.StdEncoding.EncodeToString(sum[:]))
	w.WriteHeader(200)
}
