package sandbox

import (
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// --- Failed notifications (docs/spi.md) ---------------------------------------------------

func describeFailedNotifications(c *Call) (any, error) {
	page, size, err := pageParams(c.Params, publicPages)
	if err != nil {
		return nil, err
	}
	out := struct {
		TotalCount       int
		PageNumber       int
		PageSize         int
		NotificationList []marketapi.Notification
	}{PageNumber: page, PageSize: size, NotificationList: []marketapi.Notification{}}
	if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM notifications WHERE confirmed = 0`).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT id, action, message, created_at FROM notifications WHERE confirmed = 0 ORDER BY created_at, id LIMIT ? OFFSET ?`, size, (page-1)*size)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n marketapi.Notification
		if err := rows.Scan(&n.NotificationRequestId, &n.Action, &n.Message, &n.CreateTime); err != nil {
			return nil, err
		}
		out.NotificationList = append(out.NotificationList, n)
	}
	return out, rows.Err()
}

func confirmNotification(c *Call) (any, error) {
	id := c.Params.Get("NotificationRequestId")
	if id == "" {
		return nil, missingParam("NotificationRequestId")
	}
	res, err := c.Tx.Exec(`UPDATE notifications SET confirmed = 1 WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, Errf(400, "IllegalPermission", "The caller is not allowed to confirm notification %q, or it does not exist.", id)
	}
	return map[string]any{"Success": true}, nil
}
