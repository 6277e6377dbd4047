from django.contrib import admin

admin.site.site_header = "Coordination portal administration"
admin.site.site_title = "Coordination portal"
