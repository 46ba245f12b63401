# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Glac le gach rud
widget-reject-all = Diúltaigh do gach rud
widget-customise = Saincheap
widget-save = Sábháil na roghanna
widget-close = Dún
widget-first-name = Céadainm
widget-last-name = Sloinne
widget-email = Seoladh ríomhphoist
widget-check-mail = Beagnach críochnaithe: dearbhaigh do chlárú tríd an nasc sa ríomhphost atá á sheoladh againn chugat.
widget-gpc-notice = Múchta toisc go seolann do bhrabhsálaí Global Privacy Control.
widget-privacy-policy = Beartas príobháideachta
widget-kept-until = Coinneoimid do chlárú (d’ainm, do sheoladh ríomhphoist agus do roghanna) go dtí { $date }; mura ndearbhaítear é, scriosfar ansin é.
widget-placeholder = Is ó { $source } an t-ábhar seo agus fanfaidh sé blocáilte go dtí go dtabharfaidh tú { -consent } do “{ $purpose }”.
widget-load-once = Lódáil é
widget-always-allow = Ceadaigh i gcónaí
widget-reload-hint = Ní stopann an méid atá ag rith cheana féin go dtí go n-athlódálann tú an leathanach.
widget-reload = Athlódáil an leathanach
widget-do-not-sell = Ná díol agus ná comhroinn m’fhaisnéis phearsanta
widget-ok = OK
