# What a team's script did before Terraform: four links in two rooms.
put() {
  curl -s -o /dev/null -w "PUT rooms/$1/links -> %{http_code}\n" -X PUT \
    -H "Authorization: Bearer $DOCSPACE_TOKEN" -H 'Content-Type: application/json' \
    "$DOCSPACE_HOST/api/2.0/files/rooms/$1/links" -d "$2"
}
put 4711 '{"linkType":1,"access":2,"title":"Auditors","expirationDate":"2027-06-30T12:00:00Z","denyDownload":true}'
put 4711 '{"linkType":1,"access":6,"title":"Partners","password":"Partner2026pass"}'
put 4711 '{"linkType":0,"access":10,"title":"Join as editor","maxUseCount":25}'
put 4712 '{"linkType":1,"access":2,"title":"Press kit"}'
