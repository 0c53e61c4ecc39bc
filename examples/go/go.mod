module example.com/scopels-demo/drive

go 1.22

require golang.org/x/oauth2 v0.30.0
