# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Accept all
widget-reject-all = Reject all
widget-customise = Customise
widget-save = Save choices
widget-close = Close
widget-first-name = First name
widget-last-name = Last name
widget-email = E-mail address
widget-check-mail = Almost done: confirm your sign-up through the link in the e-mail we are sending you.
widget-gpc-notice = Off because your browser sends Global Privacy Control.
widget-privacy-policy = Privacy policy
widget-kept-until = We keep your sign-up (your name, e-mail address and choices) until { $date }; without confirmation it is deleted then.
widget-placeholder = This content is from { $source } and stays blocked until you give { -consent } to “{ $purpose }”.
widget-load-once = Load it
widget-always-allow = Always allow
widget-reload-hint = What already runs stops only when you reload the page.
widget-reload = Reload the page
widget-do-not-sell = Do not sell or share my personal information
widget-ok = OK
