package i18n

import (
	"fmt"
	"strings"
	"time"
)

// Duration renders d in words in lang ("2天5小时", "2d 5h"), to the minute; a negative
// duration keeps its sign.
func Duration(lang Lang, d time.Duration) string {
	d = d.Round(time.Minute)
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	days := int(d / (24 * time.Hour))
	hours := int(d % (24 * time.Hour) / time.Hour)
	mins := int(d % time.Hour / time.Minute)
	switch {
	case days > 0:
		return sign + T(lang, "duration.dh", days, hours)
	case hours > 0:
		return sign + T(lang, "duration.hm", hours, mins)
	}
	return sign + T(lang, "duration.m", mins)
}

// Dur is a duration inside a message, rendered with Duration in the message's language.
func Dur(d time.Duration) Localized { return durArg(d) }

type durArg time.Duration

func (d durArg) In(lang Lang) string { return Duration(lang, time.Duration(d)) }

// Weekday is a day of the week as lang writes it: 周一, Mon.
func Weekday(lang Lang, d time.Weekday) string {
	if lang == ZH {
		return "周" + string([]rune("日一二三四五六")[d])
	}
	return d.String()[:3]
}

// Periods renders validity periods ("1m", "1y") in lang: "1个月、1年" in ZH, "1m 1y" in EN,
// as they are typed.
func Periods(lang Lang, periods []string) string {
	if lang != ZH {
		return strings.Join(periods, " ")
	}
	out := make([]string, len(periods))
	for i, p := range periods {
		out[i] = p
		if n := len(p); n > 1 {
			switch p[n-1] {
			case 'm':
				out[i] = p[:n-1] + "个月"
			case 'y':
				out[i] = p[:n-1] + "年"
			case 'd':
				out[i] = p[:n-1] + "天"
			case 'w':
				out[i] = p[:n-1] + "周"
			}
		}
	}
	return strings.Join(out, "、")
}

// Ps is validity periods inside a message, rendered with Periods.
func Ps(periods []string) Localized { return periodsArg(periods) }

type periodsArg []string

func (p periodsArg) In(lang Lang) string { return Periods(lang, p) }

// Discount is percent off as lang says it: "10% off", or in ZH how much is paid, 九折 (90%),
// 八五折 (85%).
func Discount(lang Lang, percentOff int) string {
	if lang != ZH {
		return fmt.Sprintf("%d%% off", percentOff)
	}
	digits := []rune("〇一二三四五六七八九")
	pay := 100 - percentOff
	switch {
	case pay <= 0 || pay >= 100:
		return fmt.Sprintf("%d%% off", percentOff)
	case pay%10 == 0:
		return string(digits[pay/10]) + "折"
	case pay > 10:
		return string(digits[pay/10]) + string(digits[pay%10]) + "折"
	}
	return fmt.Sprintf("%.1f折", float64(pay)/10)
}
