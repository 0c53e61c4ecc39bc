module github.com/scopels/scopels

go 1.26
