# Eigin merkingar samþykkisgræjunnar á vef aðilans (textar borðans koma úr eyðublaðinu).
# Placeholders ({ $name }) must stay as they are.

widget-accept-all = Samþykkja allt
widget-reject-all = Hafna öllu
widget-customise = Sérsníða
widget-save = Vista val
widget-close = Loka
widget-first-name = Fornafn
widget-last-name = Eftirnafn
widget-email = Netfang
widget-check-mail = Næstum búið: staðfestu skráninguna með tenglinum í tölvupóstinum sem við sendum þér.
widget-gpc-notice = Óvirkt vegna þess að vafrinn þinn sendir Global Privacy Control.
widget-privacy-policy = Persónuverndarstefna
widget-kept-until = Við geymum skráninguna þína (nafn þitt, netfang og val) til { $date }; án staðfestingar er henni þá eytt.
widget-placeholder = Þetta efni kemur frá { $source } og verður áfram lokað þar til þú gefur { -consent } fyrir „{ $purpose }“.
widget-load-once = Hlaða því inn
widget-always-allow = Leyfa alltaf
widget-reload-hint = Það sem þegar er í gangi stöðvast ekki fyrr en þú endurhleður síðuna.
widget-reload = Endurhlaða síðuna
widget-do-not-sell = Ekki selja eða deila persónuupplýsingum mínum
widget-ok = Í lagi
