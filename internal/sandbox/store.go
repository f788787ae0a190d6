// Package sandbox is the local marketplace: one http.Handler that speaks the Market API
// (signatures, error envelope, ClientToken idempotency), state in an embedded SQLite database
// (pure Go) with uploaded blobs stored by content hash beside it, and a clock that can be
// moved forward to rehearse deadlines.
package sandbox

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// DBFile is the database's file name inside the sandbox directory.
const DBFile = "sandbox.db"

// Store is the sandbox's state.
type Store struct {
	db *sql.DB // writers: BEGIN IMMEDIATE, so they queue instead of failing
	// rdb serves read-only actions with deferred transactions: in WAL mode readers run
	// concurrently with each other and with the writer.
	rdb *sql.DB
	dir string
	// writeMu queues this process's writers in Go, in arrival order, instead of letting
	// them poll SQLite's lock (busy_timeout sleeps up to 100 ms between tries, so under
	// contention latecomers overtake and the tail grows to hundreds of ms). Writers in other
	// processes still meet at SQLite's lock.
	writeMu sync.Mutex

	// The AccessKey pair never changes for an open store (reset deletes the database).
	akID, akSecret string

	// stmts caches prepared statements by pool and text: SQLite's parser is a large share of
	// a small query's cost, and a listing runs the same few queries page after page.
	stmtMu sync.Mutex
	stmts  map[stmtKey]*sql.Stmt

	// cursors remember where an offset-paged listing's page ended, so that the next page of
	// the same query resumes from there instead of walking the offset again (PageIndex
	// paging over 100,000 rows would otherwise be quadratic).
	curMu   sync.Mutex
	cursors map[string]pageCursor
}

type pageCursor struct {
	at    int64
	id    int64
	count int
}

func (s *Store) cursor(key string) (pageCursor, bool) {
	s.curMu.Lock()
	defer s.curMu.Unlock()
	c, ok := s.cursors[key]
	return c, ok
}

func (s *Store) setCursor(key string, c pageCursor) {
	s.curMu.Lock()
	defer s.curMu.Unlock()
	if s.cursors == nil || len(s.cursors) >= 4096 {
		s.cursors = map[string]pageCursor{} // bounded: start over rather than grow
	}
	s.cursors[key] = c
}

type stmtKey struct {
	db    *sql.DB
	query string
}

// prepared returns the cached statement for query on db, preparing it once.
func (s *Store) prepared(db *sql.DB, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	k := stmtKey{db, query}
	if st, ok := s.stmts[k]; ok {
		return st, nil
	}
	st, err := db.Prepare(query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[stmtKey]*sql.Stmt{}
	}
	s.stmts[k] = st
	return st, nil
}

// migrations are applied in order, each once, each in its own transaction. Append only.
var migrations = []string{
	// 1: the machinery.
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	 CREATE TABLE idempotency (
	   access_key_id TEXT NOT NULL,
	   action        TEXT NOT NULL,
	   token         TEXT NOT NULL,
	   params_hash   TEXT NOT NULL,
	   status        INTEGER NOT NULL,
	   response      BLOB NOT NULL,
	   created_at    INTEGER NOT NULL,
	   PRIMARY KEY (access_key_id, action, token)
	 );
	 CREATE TABLE files (
	   id           TEXT PRIMARY KEY,
	   sha256       TEXT NOT NULL,
	   name         TEXT NOT NULL,
	   content_type TEXT NOT NULL,
	   size         INTEGER NOT NULL,
	   created_at   INTEGER NOT NULL
	 );
	 CREATE INDEX files_sha256 ON files (sha256);
	 CREATE TABLE products (
	   code              TEXT PRIMARY KEY,
	   name              TEXT NOT NULL,
	   type              TEXT NOT NULL,
	   status            TEXT NOT NULL,
	   short_description TEXT NOT NULL DEFAULT '',
	   description       TEXT NOT NULL DEFAULT '',
	   category_id       INTEGER NOT NULL DEFAULT 0,
	   pic_url           TEXT NOT NULL DEFAULT '',
	   suggested_price   TEXT NOT NULL DEFAULT '',
	   delivery_way      TEXT NOT NULL DEFAULT '',
	   score             REAL NOT NULL DEFAULT 0,
	   use_count         INTEGER NOT NULL DEFAULT 0,
	   audit_fail_msg    TEXT NOT NULL DEFAULT '',
	   audit_time        INTEGER NOT NULL DEFAULT 0,
	   created_at        INTEGER NOT NULL,
	   modified_at       INTEGER NOT NULL
	 );
	 CREATE INDEX products_status ON products (status, created_at);`,
	// 2: the seller's products, bundles, delivery templates.
	`ALTER TABLE products ADD COLUMN mkt_type TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN delivery_mode TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN production_url TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN activation_url TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN api_group TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN api_prefix TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN api_prefix_bound INTEGER NOT NULL DEFAULT 0;
	 ALTER TABLE products ADD COLUMN image_id TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN image_region TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN delivery_template_id TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN skus TEXT NOT NULL DEFAULT '[]';
	 ALTER TABLE products ADD COLUMN validity TEXT NOT NULL DEFAULT '[]';
	 ALTER TABLE products ADD COLUMN agreement TEXT NOT NULL DEFAULT '';
	 ALTER TABLE products ADD COLUMN external_key TEXT NOT NULL DEFAULT '';
	 CREATE INDEX products_created ON products (created_at DESC, code DESC);
	 CREATE INDEX products_external_key ON products (external_key) WHERE external_key != '';
	 CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
	 CREATE TABLE product_events (
	   id         INTEGER PRIMARY KEY AUTOINCREMENT,
	   code       TEXT NOT NULL,
	   at         INTEGER NOT NULL,
	   from_state TEXT NOT NULL,
	   to_state   TEXT NOT NULL,
	   actor      TEXT NOT NULL,
	   reason     TEXT NOT NULL DEFAULT ''
	 );
	 CREATE INDEX product_events_code ON product_events (code, id);
	 CREATE TABLE bundles (
	   id          TEXT PRIMARY KEY,
	   name        TEXT NOT NULL,
	   discount    INTEGER NOT NULL DEFAULT 0,
	   price       TEXT NOT NULL DEFAULT '',
	   created_at  INTEGER NOT NULL,
	   modified_at INTEGER NOT NULL
	 );
	 CREATE TABLE bundle_products (
	   bundle_id TEXT NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
	   code      TEXT NOT NULL,
	   position  INTEGER NOT NULL,
	   PRIMARY KEY (bundle_id, code)
	 );
	 CREATE TABLE delivery_templates (
	   id         TEXT PRIMARY KEY,
	   name       TEXT NOT NULL,
	   steps      TEXT NOT NULL,
	   created_at INTEGER NOT NULL
	 );`,
	// 3: each seller product's answer, kept as JSON so listings splice it in without
	// scanning and re-encoding every column.
	`ALTER TABLE products ADD COLUMN doc TEXT NOT NULL DEFAULT '';`,
	// 4: buyers' orders and instances, licenses, SPI calls, failed notifications, metering.
	`CREATE TABLE orders (
	   id           INTEGER PRIMARY KEY,
	   biz_id       INTEGER NOT NULL,
	   ali_uid      INTEGER NOT NULL,
	   product_code TEXT NOT NULL,
	   sku_code     TEXT NOT NULL,
	   order_type   TEXT NOT NULL,
	   period       TEXT NOT NULL,
	   quantity     INTEGER NOT NULL DEFAULT 1,
	   price        TEXT NOT NULL,
	   pay_status   TEXT NOT NULL,
	   order_status TEXT NOT NULL,
	   pay_method   TEXT NOT NULL,
	   instance_id  INTEGER NOT NULL,
	   created_at   INTEGER NOT NULL,
	   paid_at      INTEGER NOT NULL
	 );
	 CREATE INDEX orders_instance ON orders (instance_id, id);
	 CREATE TABLE instances (
	   id              INTEGER PRIMARY KEY,
	   order_id        INTEGER NOT NULL,
	   biz_id          INTEGER NOT NULL,
	   ali_uid         INTEGER NOT NULL,
	   product_code    TEXT NOT NULL,
	   sku_code        TEXT NOT NULL,
	   status          TEXT NOT NULL,
	   is_trial        INTEGER NOT NULL DEFAULT 0,
	   began_on        INTEGER NOT NULL,
	   end_on          INTEGER NOT NULL,
	   created_at      INTEGER NOT NULL,
	   isv_instance_id TEXT NOT NULL DEFAULT '',
	   app_json        TEXT NOT NULL DEFAULT '',
	   host_json       TEXT NOT NULL DEFAULT '',
	   license_code    TEXT NOT NULL DEFAULT '',
	   active_address  TEXT NOT NULL DEFAULT ''
	 );
	 CREATE TABLE licenses (
	   code           TEXT PRIMARY KEY,
	   instance_id    INTEGER NOT NULL,
	   status         TEXT NOT NULL,
	   identification TEXT NOT NULL DEFAULT '',
	   created_at     INTEGER NOT NULL,
	   activated_at   INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE TABLE spi_calls (
	   id          INTEGER PRIMARY KEY AUTOINCREMENT,
	   instance_id INTEGER NOT NULL,
	   action      TEXT NOT NULL,
	   url         TEXT NOT NULL,
	   status      INTEGER NOT NULL,
	   answer      TEXT NOT NULL,
	   error       TEXT NOT NULL,
	   at          INTEGER NOT NULL
	 );
	 CREATE TABLE notifications (
	   id         TEXT PRIMARY KEY,
	   action     TEXT NOT NULL,
	   message    TEXT NOT NULL,
	   created_at INTEGER NOT NULL,
	   confirmed  INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE TABLE metering (
	   id          INTEGER PRIMARY KEY AUTOINCREMENT,
	   instance_id INTEGER NOT NULL,
	   start_time  INTEGER NOT NULL,
	   end_time    INTEGER NOT NULL,
	   entities    TEXT NOT NULL,
	   received_at INTEGER NOT NULL
	 );
	 CREATE INDEX metering_instance ON metering (instance_id, received_at);`,
	// 5: invoice requests (发票申请).
	`CREATE TABLE invoices (
	   id            INTEGER PRIMARY KEY,
	   status        INTEGER NOT NULL,
	   result        TEXT NOT NULL,
	   type          INTEGER NOT NULL,
	   title         TEXT NOT NULL,
	   tax_number    TEXT NOT NULL DEFAULT '',
	   aliyun_pk     INTEGER NOT NULL,
	   amount        TEXT NOT NULL,
	   user_notice   TEXT NOT NULL DEFAULT '',
	   check_notice  TEXT NOT NULL DEFAULT '',
	   number        TEXT NOT NULL DEFAULT '',
	   electron_url  TEXT NOT NULL DEFAULT '',
	   orders        TEXT NOT NULL,
	   addressee     TEXT NOT NULL DEFAULT '',
	   phone         TEXT NOT NULL DEFAULT '',
	   address       TEXT NOT NULL DEFAULT '',
	   postal_code   TEXT NOT NULL DEFAULT '',
	   emails        TEXT NOT NULL DEFAULT '',
	   created_at    INTEGER NOT NULL,
	   modified_at   INTEGER NOT NULL
	 );
	 CREATE INDEX invoices_by_status ON invoices (status, created_at, id);
	 CREATE INDEX invoices_by_time ON invoices (created_at, id);`,
	// 6: the seller's account: onboarding applications, shop, settlement account, credit
	// payment, repaid credit orders.
	`CREATE TABLE onboarding (
	   id         TEXT PRIMARY KEY,
	   doc        TEXT NOT NULL,
	   created_at INTEGER NOT NULL
	 );
	 CREATE TABLE seller (key TEXT PRIMARY KEY, doc TEXT NOT NULL);
	 CREATE TABLE alipay_failures (account TEXT PRIMARY KEY, reason TEXT NOT NULL);
	 CREATE TABLE credit_products (code TEXT PRIMARY KEY, enabled INTEGER NOT NULL);
	 CREATE TABLE credit_repaid (order_id INTEGER PRIMARY KEY, repaid_at INTEGER NOT NULL);`,
	// 7: the period an order bought, as written (1m, 3m, 1y): a refund takes back exactly it.
	`ALTER TABLE orders ADD COLUMN period_spec TEXT NOT NULL DEFAULT '';`,
	// 8: delivery-centre projects (one per service instance bought with a template), their
	// nodes, and their messages, attachments and operation log.
	`CREATE TABLE delivery_projects (
	   instance_id INTEGER PRIMARY KEY,
	   order_id    INTEGER NOT NULL,
	   template_id TEXT NOT NULL,
	   status      TEXT NOT NULL,
	   finish_type TEXT NOT NULL DEFAULT '',
	   created_at  INTEGER NOT NULL,
	   finished_at INTEGER NOT NULL DEFAULT 0,
	   paused_at   INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE TABLE delivery_nodes (
	   id              INTEGER PRIMARY KEY,
	   instance_id     INTEGER NOT NULL,
	   step_no         INTEGER NOT NULL,
	   name            TEXT NOT NULL,
	   role            TEXT NOT NULL,
	   fields          TEXT NOT NULL,
	   need_attachment INTEGER NOT NULL,
	   allow_rollback  INTEGER NOT NULL,
	   auto_finish     INTEGER NOT NULL,
	   status          TEXT NOT NULL,
	   started_at      INTEGER NOT NULL DEFAULT 0,
	   expires_at      INTEGER NOT NULL DEFAULT 0,
	   finished_at     INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE INDEX delivery_nodes_instance ON delivery_nodes (instance_id, step_no);
	 CREATE INDEX delivery_nodes_due ON delivery_nodes (status, expires_at) WHERE auto_finish = 1;
	 CREATE TABLE delivery_events (
	   id            INTEGER PRIMARY KEY AUTOINCREMENT,
	   instance_id   INTEGER NOT NULL,
	   kind          TEXT NOT NULL,
	   node_id       INTEGER NOT NULL DEFAULT 0,
	   role          TEXT NOT NULL,
	   operator      INTEGER NOT NULL,
	   operator_name TEXT NOT NULL,
	   text          TEXT NOT NULL,
	   file_id       TEXT NOT NULL DEFAULT '',
	   at            INTEGER NOT NULL
	 );
	 CREATE INDEX delivery_events_instance ON delivery_events (instance_id, kind, id);`,
	// 9: auto-renewal (AutoRenewInstance), as DescribeInstance's AutoRenewal string.
	`ALTER TABLE instances ADD COLUMN auto_renew TEXT NOT NULL DEFAULT '';
	 CREATE INDEX instances_biz ON instances (biz_id);`,
	// 10: API products' call quota and usage (DescribeApiMetering).
	`ALTER TABLE instances ADD COLUMN api_quota INTEGER NOT NULL DEFAULT 0;
	 ALTER TABLE instances ADD COLUMN api_usage INTEGER NOT NULL DEFAULT 0;`,
	// 11: the distribution programme's products (推广商品) and their commission.
	`CREATE TABLE distribution (
	   code        TEXT PRIMARY KEY,
	   ratio       INTEGER NOT NULL,
	   enrolled_at INTEGER NOT NULL
	 );`,
	// 12: cross-account authorizations and the tokens the vendor verifies.
	`CREATE TABLE cross_account_tokens (
	   token   TEXT PRIMARY KEY,
	   ali_uid INTEGER NOT NULL,
	   name    TEXT NOT NULL,
	   roles   TEXT NOT NULL,
	   at      INTEGER NOT NULL
	 );`,
	// 13: Compute Nest (ComputeNestSupplier): services and their versions, reviews, artifacts,
	// upload keys and the object store they open, service instances, metering, usage requests.
	`CREATE TABLE nest_services (
	   service_id      TEXT NOT NULL,
	   version         INTEGER NOT NULL,
	   status          TEXT NOT NULL,
	   doc             TEXT NOT NULL,
	   registration_id TEXT NOT NULL DEFAULT '',
	   status_detail   TEXT NOT NULL DEFAULT '',
	   launch_at       INTEGER NOT NULL DEFAULT 0,
	   created_at      INTEGER NOT NULL,
	   updated_at      INTEGER NOT NULL,
	   published_at    INTEGER NOT NULL DEFAULT 0,
	   PRIMARY KEY (service_id, version)
	 );
	 CREATE TABLE nest_registrations (
	   registration_id TEXT PRIMARY KEY,
	   service_id      TEXT NOT NULL,
	   version         INTEGER NOT NULL,
	   status          TEXT NOT NULL,
	   comment         TEXT NOT NULL DEFAULT '',
	   submitted_at    INTEGER NOT NULL,
	   finished_at     INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE TABLE nest_artifacts (
	   artifact_id TEXT NOT NULL,
	   version     INTEGER NOT NULL,
	   name        TEXT NOT NULL,
	   type        TEXT NOT NULL,
	   status      TEXT NOT NULL,
	   doc         TEXT NOT NULL,
	   ready_at    INTEGER NOT NULL DEFAULT 0,
	   created_at  INTEGER NOT NULL,
	   updated_at  INTEGER NOT NULL,
	   PRIMARY KEY (artifact_id, version)
	 );
	 CREATE TABLE nest_uploads (
	   access_key_id TEXT PRIMARY KEY,
	   secret        TEXT NOT NULL,
	   token         TEXT NOT NULL,
	   bucket        TEXT NOT NULL,
	   key           TEXT NOT NULL,
	   expires_at    INTEGER NOT NULL
	 );
	 CREATE TABLE nest_objects (
	   bucket TEXT NOT NULL,
	   key    TEXT NOT NULL,
	   body   BLOB NOT NULL,
	   md5    TEXT NOT NULL,
	   at     INTEGER NOT NULL,
	   PRIMARY KEY (bucket, key)
	 );
	 CREATE TABLE nest_instances (
	   id         TEXT PRIMARY KEY,
	   service_id TEXT NOT NULL,
	   version    INTEGER NOT NULL,
	   user_id    INTEGER NOT NULL,
	   pay_type   TEXT NOT NULL,
	   status     TEXT NOT NULL,
	   created_at INTEGER NOT NULL,
	   end_at     INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE TABLE nest_metering (
	   id          INTEGER PRIMARY KEY AUTOINCREMENT,
	   instance_id TEXT NOT NULL,
	   metering    TEXT NOT NULL,
	   at          INTEGER NOT NULL
	 );
	 CREATE TABLE nest_usages (
	   service_id TEXT NOT NULL,
	   user_id    INTEGER NOT NULL,
	   status     TEXT NOT NULL,
	   comments   TEXT NOT NULL DEFAULT '',
	   created_at INTEGER NOT NULL,
	   updated_at INTEGER NOT NULL,
	   PRIMARY KEY (service_id, user_id)
	 );`,
}

// Open opens (creating if needed) the sandbox in dir and brings its schema up to date.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "blobs"), 0o700); err != nil {
		return nil, err
	}
	// The database holds the sandbox's AccessKey pair: create it private before SQLite does
	// (SQLite gives its -wal and -shm files the database file's mode).
	f, err := os.OpenFile(filepath.Join(dir, DBFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	base := "file:" + filepath.Join(dir, DBFile) +
		"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", base+"&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, dir: dir}
	// Processes opening a brand-new sandbox together take turns to create it (an advisory
	// lock, held for the migration only), instead of racing into "database is locked".
	lock := flock.New(filepath.Join(dir, "open.lock"), flock.SetPermissions(0o600))
	if err := lock.Lock(); err != nil {
		db.Close()
		return nil, err
	}
	err = s.migrate()
	if err == nil {
		err = s.ensureCredentials()
	}
	lock.Unlock()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sandbox database %s: %w", filepath.Join(dir, DBFile), err)
	}
	if s.rdb, err = sql.Open("sqlite", base+"&_txlock=deferred&_pragma=query_only(1)"); err != nil {
		db.Close()
		return nil, err
	}
	// Keep connections open between requests: opening one runs the pragmas and parses the
	// schema, which cost a quarter of a read when database/sql kept only two idle.
	s.rdb.SetMaxIdleConns(64)
	s.db.SetMaxIdleConns(8)
	// ...and close them once a burst is over: each holds its own page cache.
	s.rdb.SetConnMaxIdleTime(30 * time.Second)
	s.db.SetConnMaxIdleTime(30 * time.Second)
	if s.akID, err = getMeta(db, "access_key_id"); err == nil {
		s.akSecret, err = getMeta(db, "access_key_secret")
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	if s.rdb != nil {
		s.rdb.Close()
	}
	return s.db.Close()
}

// Dir is the sandbox directory.
func (s *Store) Dir() string { return s.dir }

func (s *Store) migrate() error {
	// Fast path, no write lock: PRAGMA user_version mirrors the newest applied migration.
	var uv int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&uv); err != nil {
		return err
	}
	if uv == len(migrations) {
		return nil
	}
	if uv > len(migrations) {
		return fmt.Errorf("the database was written by a newer mkt (schema %d, this mkt knows %d): upgrade mkt or run 'mkt sandbox reset'", uv, len(migrations))
	}
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return err
	}
	for i, m := range migrations {
		version := i + 1
		err := s.tx(context.Background(), func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRow(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.Exec(m); err != nil {
				return fmt.Errorf("migration %d: %w", version, err)
			}
			if _, err := tx.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, time.Now().UnixMilli()); err != nil {
				return err
			}
			_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, version))
			return err
		})
		if err != nil {
			return err
		}
	}
	var newest int
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&newest); err != nil {
		return err
	}
	if newest > len(migrations) {
		return fmt.Errorf("the database was written by a newer mkt (schema %d, this mkt knows %d): upgrade mkt or run 'mkt sandbox reset'", newest, len(migrations))
	}
	// Databases made before user_version was kept get it now, so later opens take the fast path.
	_, err := s.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, newest))
	return err
}

// tx runs fn in one write transaction (BEGIN IMMEDIATE: writers queue instead of failing).
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.txOn(ctx, s.db, fn)
}

// readTx runs fn in one read-only transaction.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.txOn(ctx, s.rdb, fn)
}

func (s *Store) txOn(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func getMeta(q interface {
	QueryRow(string, ...any) *sql.Row
}, key string) (string, error) {
	var v string
	err := q.QueryRow(`SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

func setMeta(tx *sql.Tx, key, value string) error {
	_, err := tx.Exec(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func randomString(n int) string {
	b := make([]byte, n)
	for i := range b {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(alnum))))
		if err != nil {
			panic(err)
		}
		b[i] = alnum[k.Int64()]
	}
	return string(b)
}

// ensureCredentials makes the sandbox's AccessKey pair and its seller's account ID the first
// time the sandbox is opened.
func (s *Store) ensureCredentials() error {
	// Read first without the write lock: after the first run there is nothing to write.
	if id, err := getMeta(s.db, "access_key_id"); err != nil || id != "" {
		return err
	}
	return s.tx(context.Background(), func(tx *sql.Tx) error {
		id, err := getMeta(tx, "access_key_id")
		if err != nil || id != "" {
			return err
		}
		if err := setMeta(tx, "access_key_id", "LTAIsandbox"+randomString(13)); err != nil {
			return err
		}
		if err := setMeta(tx, "spi_key", randomString(32)); err != nil {
			return err
		}
		uid := "1" + strings.Map(func(r rune) rune { return '0' + r%10 }, randomString(15))
		if err := setMeta(tx, "seller_uid", uid); err != nil {
			return err
		}
		return setMeta(tx, "access_key_secret", randomString(30))
	})
}

// SPIKey is the key the sandbox signs SPI calls with: the seller's "ISV key".
func (s *Store) SPIKey() (string, error) {
	k, err := getMeta(s.db, "spi_key")
	if err == nil && k == "" {
		// A sandbox made before SPI keys existed gets one now.
		k = randomString(32)
		err = s.tx(context.Background(), func(tx *sql.Tx) error { return setMeta(tx, "spi_key", k) })
	}
	return k, err
}

// Credentials returns the sandbox's AccessKey pair.
func (s *Store) Credentials() (id, secret string, err error) {
	return s.akID, s.akSecret, nil
}

// ClockOffset is how far the sandbox clock is ahead of real time.
func (s *Store) ClockOffset(q interface {
	QueryRow(string, ...any) *sql.Row
}) (time.Duration, error) {
	if q == nil {
		q = s.db
	}
	v, err := getMeta(q, "clock_offset_ns")
	if err != nil || v == "" {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	return time.Duration(n), err
}

// clockOffset is ClockOffset inside a request's transaction, through the statement cache.
func (s *Store) clockOffset(tx *sql.Tx, pool *sql.DB) (time.Duration, error) {
	st, err := s.prepared(pool, `SELECT value FROM meta WHERE key = 'clock_offset_ns'`)
	if err != nil {
		return 0, err
	}
	var v string
	err = tx.Stmt(st).QueryRow().Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || v == "" {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	return time.Duration(n), err
}

// Now is the sandbox's time: real time plus the offset.
func (s *Store) Now() (time.Time, error) {
	off, err := s.ClockOffset(nil)
	return time.Now().Add(off), err
}

// PutBlob stores content under its SHA-256 (written to a temporary file and renamed, so a
// blob is whole or absent) and returns the hex hash. Storing the same content twice is free.
func (s *Store) PutBlob(content []byte) (string, error) {
	sum := sha256.Sum256(content)
	h := hex.EncodeToString(sum[:])
	path := s.BlobPath(h)
	if _, err := os.Stat(path); err == nil {
		return h, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".blob-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return h, os.Rename(tmp.Name(), path)
}

// BlobPath is where the blob with this hash lives.
func (s *Store) BlobPath(sha string) string {
	return filepath.Join(s.dir, "blobs", sha[:2], sha)
}

// Reset removes every file of the sandbox in dir.
func Reset(dir string) error {
	release, err := HoldServe(dir)
	if err != nil {
		return err
	}
	defer release()
	for _, name := range []string{DBFile, DBFile + "-wal", DBFile + "-shm", "blobs", NoncesFile} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// ServeLockFile is the lock `mkt sandbox serve` holds on its sandbox directory while it serves.
const ServeLockFile = "serve.lock"

// ErrServed is a sandbox that a running `mkt sandbox serve` holds: another server, or a reset
// (which would delete the database under it, while it kept acknowledging writes), must wait.
var ErrServed = errors.New("the sandbox is being served by another process (mkt sandbox serve)")

// HoldServe takes the serve lock of dir (an advisory file lock, released when the process
// ends, also by kill -9); it fails with ErrServed while another process holds it.
func HoldServe(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	l := flock.New(filepath.Join(dir, ServeLockFile), flock.SetPermissions(0o600))
	ok, err := l.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrServed
	}
	return func() { l.Unlock() }, nil
}
