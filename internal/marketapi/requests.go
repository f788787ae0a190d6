package marketapi

import "net/url"

// Request types: what the changing actions take, so that no caller builds a form by hand.

// ShopChange is what ModifyShop changes: nil fields keep their value.
type ShopChange struct {
	Name, Introduction, LogoFileId, BannerFileId *string
}

// Form is the change as ModifyShop's parameters.
func (c ShopChange) Form() url.Values {
	return form(map[string]*string{"Name": c.Name, "Introduction": c.Introduction, "LogoFileId": c.LogoFileId, "BannerFileId": c.BannerFileId})
}

// ContactsChange is what ModifyShopContacts changes: nil fields keep their value.
type ContactsChange struct {
	Wangwang, Hotline, TicketUrl *string
}

// Form is the change as ModifyShopContacts' parameters.
func (c ContactsChange) Form() url.Values {
	return form(map[string]*string{"Wangwang": c.Wangwang, "Hotline": c.Hotline, "TicketUrl": c.TicketUrl})
}

func form(fields map[string]*string) url.Values {
	v := url.Values{}
	for k, p := range fields {
		if p != nil {
			v.Set(k, *p)
		}
	}
	return v
}
